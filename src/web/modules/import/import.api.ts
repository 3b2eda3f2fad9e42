import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Page } from '../../../shared/api/page.ts';
import type { ImportKind, ImportListItem, ImportProgress, ImportView } from '../../../shared/import/import.schema.ts';
import { api, apiFile } from '../../api/client.ts';

export function useImports(page: number) {
  return useQuery({
    queryKey: ['imports', page],
    queryFn: () => api<Page<ImportListItem>>(`/api/imports?page=${page}&pageSize=10`),
  });
}

/** Uploads a file as it is (the server detects its encoding) and answers what is wrong with it or what it will do. */
export async function uploadImport(kind: ImportKind, file: File): Promise<ImportView> {
  const res = await apiFile(`/api/imports?kind=${kind}&filename=${encodeURIComponent(file.name)}`, {
    body: file,
    contentType: kind === 'fhir' ? 'application/fhir+json' : 'text/csv',
  });
  return (await res.json()) as ImportView;
}

type RunState =
  | { state: 'idle' }
  | { state: 'running'; done: number; total: number; stage: string }
  | { state: 'done'; view: ImportView; rowsPerSecond: number }
  | { state: 'error'; message: string };

/** Runs a checked import and follows its progress (JSON lines) as the server writes them. */
export function useRunImport() {
  const qc = useQueryClient();
  const [run, setRun] = useState<RunState>({ state: 'idle' });
  const start = async (id: string) => {
    setRun({ state: 'running', done: 0, total: 0, stage: '' });
    try {
      const res = await apiFile(`/api/imports/${id}/run`);
      const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      let rowsPerSecond = 0;
      while (reader) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines.filter(Boolean)) {
          const p = JSON.parse(line) as ImportProgress | { kind: 'result'; view: ImportView };
          if (p.kind === 'progress') setRun({ state: 'running', done: p.done, total: p.total, stage: p.stage });
          else if (p.kind === 'done') rowsPerSecond = p.rowsPerSecond;
          else if (p.kind === 'error') setRun({ state: 'error', message: p.message });
          else setRun({ state: 'done', view: p.view, rowsPerSecond });
        }
      }
    } catch (error) {
      setRun({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
    await qc.invalidateQueries({ queryKey: ['imports'] });
  };
  return { run, start, reset: () => setRun({ state: 'idle' }) };
}
