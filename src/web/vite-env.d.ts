declare module 'dkfds.css';
declare module '*.css';
