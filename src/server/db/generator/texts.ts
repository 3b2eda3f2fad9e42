/**
 * Danish texts a caseworker, a provider and a citizen would write, by situation. Generated cases draw from these so
 * timelines, letters and journals read like a working municipality's, without any real person's story.
 */
/** Requests by paragraph: the case's short title (set at the request, issue 16) and the request as written down. */
export const REQUEST_TEXTS: Record<string, readonly { title: string; what: string }[]> = {
  '85': [
    {
      title: 'Bostøtte: struktur, økonomi og post',
      what: 'Ønsker socialpædagogisk støtte i eget hjem til struktur i hverdagen, økonomi og post (§ 85).',
    },
    {
      title: 'Bostøtte efter udskrivning',
      what: 'Ansøger om bostøtte efter udskrivning fra psykiatrisk afdeling; har brug for hjælp til at komme i gang med hverdagen.',
    },
    {
      title: 'Støtte til regninger og aftaler',
      what: 'Har svært ved at overskue regninger og aftaler efter skilsmisse; ønsker støtte i eget hjem.',
    },
    {
      title: 'Støtte til at beholde lejligheden',
      what: 'Søger støtte til at fastholde egen lejlighed; har haft flere huslejerestancer det seneste år.',
    },
    {
      title: 'Isolation, indkøb og måltider',
      what: 'Pårørende henvender sig: borgeren isolerer sig og får ikke handlet ind eller spist regelmæssigt.',
    },
    {
      title: 'Sociale fællesskaber, medicin og lægeaftaler',
      what: 'Ønsker hjælp til at komme ud blandt andre og til at passe medicin og lægeaftaler.',
    },
  ],
  '82': [
    { title: 'Hjælp til post, e-Boks og regninger', what: 'Ønsker hjælp til at få styr på post, e-Boks og regninger.' },
    { title: 'Indkøb og madplan efter sygdom', what: 'Søger støtte til indkøb og madplan; har mistet overblikket efter sygdom.' },
    { title: 'Vej mod uddannelse eller arbejde', what: 'Ønsker støtte til at komme i gang med uddannelse eller arbejde.' },
    {
      title: 'Kontakt med andre og fællesskaber',
      what: 'Har brug for hjælp til kontakt med andre og til at deltage i fællesskaber.',
    },
  ],
  '103': [
    {
      title: 'Beskyttet beskæftigelse',
      what: 'Ansøger om beskyttet beskæftigelse; kan ikke klare et almindeligt job eller et fleksjob.',
    },
    {
      title: 'Beskæftigelsestilbud med faste rammer',
      what: 'Ønsker et beskæftigelsestilbud med faste rammer nogle dage om ugen.',
    },
  ],
  '104': [
    {
      title: 'Aktivitets- og samværstilbud',
      what: 'Søger aktivitets- og samværstilbud for at få struktur på ugen og møde andre.',
    },
    { title: 'Dagtilbud mod ensomhed', what: 'Ønsker dagtilbud; sidder alene hjemme det meste af tiden.' },
  ],
  '107': [
    {
      title: 'Midlertidigt botilbud efter indlæggelse',
      what: 'Ansøger om midlertidigt botilbud; kan ikke bo alene efter længere indlæggelse.',
    },
    { title: 'Botilbud med døgndækning (afklaring)', what: 'Behov for botilbud med døgndækning i en afklaringsperiode.' },
  ],
  '108': [
    { title: 'Længerevarende botilbud', what: 'Ansøger om længerevarende botilbud; har brug for hjælp døgnet rundt.' },
    {
      title: 'Bolig med støtte, flytter hjemmefra',
      what: 'Forældrene kan ikke længere have borgeren boende; ansøger om bolig med støtte.',
    },
  ],
};

export const REQUESTERS = {
  relative_with_consent: ['Hanne (mor)', 'Ole (far)', 'Lise (søster)', 'Mads (bror)', 'Karen (datter)'],
  professional: [
    'Regionspsykiatrien, sengeafsnit',
    'Egen læge',
    'Jobcenteret',
    'Misbrugscentret',
    'Boligselskabets beboerrådgiver',
    'Kriminalforsorgen',
  ],
} as const;

export const NOTES: readonly (readonly [string, string])[] = [
  ['Telefonsamtale', 'Borgeren fortæller, at det går bedre med at åbne posten. Aftalt nyt opkald om to uger.'],
  ['Hjemmebesøg', 'Besøg i hjemmet sammen med borgeren. Lejligheden er ryddelig; køleskabet er tomt.'],
  ['Netværksmøde', 'Møde med borger, pårørende og egen læge om støttebehovet. Referat vedlagt i sagen.'],
  ['Samtykke', 'Borgeren har givet mundtligt samtykke til, at vi indhenter oplysninger fra egen læge.'],
  ['Oplysninger modtaget', 'Lægeerklæring modtaget og gennemgået.'],
  ['Telefonsamtale med pårørende', 'Pårørende oplyser, at borgeren ikke har fået handlet ind i en uge.'],
];

/** A caseworker's concrete, individual justification for hours above the highest citizen profile (issue 12). */
export const APPROVAL_JUSTIFICATIONS = [
  'Efter hjerneskaden kan borgeren ikke være alene i vågne timer: udredningen og neuropsykologens undersøgelse viser behov for 1:1-støtte hele dagen; om natten er der ikke behov.',
  'Borgeren har svær autisme og selvskadende adfærd, som udløses ved skift og ventetid. Støtten skal være til stede i alle vågne timer; botilbud er afvist af borgeren og værgen.',
  'Udskrevet fra psykiatrisk afdeling med aftale om tæt opfølgning: overlægen anbefaler støtte i alle vågne timer de første måneder, derefter revisitation.',
  'Borgeren har progressiv sklerose og kognitive vanskeligheder; hjemmeplejen dækker den personlige pleje, men struktur, måltider og tilsyn kræver støtte det meste af døgnet.',
] as const;

export const REASONS = {
  granted: [
    'Udredningen viser et væsentligt behov for støtte til struktur, økonomi og praktiske opgaver, som ikke kan dækkes af almene tilbud.',
    'Borgeren har betydeligt nedsat funktionsevne på flere livsområder, og støtten er nødvendig for, at borgeren kan blive i egen bolig.',
    'Udredningen og lægens oplysninger viser behov for støtte, som svarer til den bevilgede profil.',
  ],
  partly_granted: [
    'Udredningen viser et behov for støtte, men i mindre omfang end ansøgt. Dele af behovet kan dækkes af gruppeforløb og frivillige.',
    'Borgeren kan selv klare indkøb og rengøring; støtten bevilges til økonomi og kontakt med myndigheder.',
  ],
  refused: [
    'Udredningen viser et let støttebehov, som kan dækkes af almene tilbud og frivillige (indsatstrappen).',
    'Borgerens behov kan dækkes af støtte i eget hjem; et botilbud er ikke den mindst indgribende hjælp.',
    'Betingelserne er ikke opfyldt: funktionsevnen er ikke betydeligt nedsat, jf. udredningen.',
  ],
  stop: [
    'Du har nået dine mål og har ikke længere brug for støtten.',
    'Støtten ophører, fordi målene i handleplanen er nået, og du selv kan klare opgaverne.',
    'Du har ikke ønsket at tage imod støtten de seneste måneder.',
  ],
  revisitation: [
    'Den leverede støtte afviger væsentligt fra bevillingen; behovet er vurderet på ny.',
    'Borgerens behov har ændret sig, og rammen tilpasses.',
  ],
} as const;

export const NOT_NEEDED_HEARING = 'Afgørelsen bygger alene på oplysninger, som borgeren selv har givet.';

export const GOALS: Record<string, readonly (readonly [string, string])[]> = {
  Sundhedsforhold: [
    ['nedsætter sit forbrug af alkohol', 'Antal dage om ugen uden alkohol'],
    ['møder op til sin behandling i Rusmiddelcenter Randers', 'Andel fremmødte aftaler'],
  ],
  'Praktiske opgaver': [
    ['handler selv ind én gang om ugen', 'Antal indkøb om ugen uden støtte'],
    ['betaler selv sine regninger til tiden', 'Antal rykkere pr. kvartal'],
    ['laver en madplan for ugen', 'Antal uger med madplan pr. måned'],
  ],
  Egenomsorg: [
    ['tager selv sin medicin hver dag', 'Antal glemte doser pr. uge'],
    ['holder selv sine lægeaftaler', 'Andel overholdte aftaler'],
  ],
  Mobilitet: [
    ['tager selv bussen til aktivitetscentret', 'Antal ture om ugen uden ledsagelse'],
    ['går en tur i nærområdet tre gange om ugen', 'Antal gåture om ugen'],
  ],
  Kommunikation: [
    ['åbner og læser selv sin post i e-Boks', 'Antal uger med læst post'],
    ['ringer selv til kommunen og lægen', 'Antal opkald uden støtte pr. måned'],
  ],
  Samfundsliv: [
    ['deltager i et beskæftigelsesforløb to dage om ugen', 'Antal fremmødedage pr. uge'],
    ['passer sit fritidsjob', 'Antal fremmødte vagter pr. måned'],
  ],
  Relationer: [
    ['ser sin familie mindst én gang om måneden', 'Antal besøg pr. måned'],
    ['deltager i fællesspisning i boligområdet', 'Antal deltagelser pr. måned'],
  ],
};

export const JOURNAL_TEXTS = [
  'Handlede ind sammen; borgeren skrev selv indkøbssedlen.',
  'Gennemgik post og regninger; to regninger betalt over netbank.',
  'Borgeren aflyste besøget; ny aftale lavet til næste uge.',
  'Fulgte borgeren til lægen; borgeren førte selv ordet.',
  'Talte om ugens aftaler og satte dem i kalenderen på telefonen.',
  'Borgeren havde selv lavet aftensmad to dage i træk.',
  'Fælles gåtur til aktivitetscentret; borgeren tog bussen hjem selv.',
  'Samtale om søvn og døgnrytme; borgeren vil prøve at stå op kl. 8.',
  'Borgeren var urolig og havde ikke sovet; kontakt til psykiatrien aftalt.',
  'Gennemgik budgettet for næste måned sammen.',
] as const;

export const FKO_JUSTIFICATIONS = {
  better: [
    'Klarer nu opgaven med lidt hjælp.',
    'Tydelig fremgang siden sidste status.',
    'Klarer det meste selv med en påmindelse.',
  ],
  same: ['Uændret siden sidste status.', 'Stabil; har stadig brug for samme støtte.', 'Holder niveauet trods en svær periode.'],
  worse: ['Tilbagegang efter indlæggelse.', 'Har brug for mere støtte end før.', 'Svær periode med misbrug; støtten er øget.'],
} as const;

export const SUBGOALS = [
  'Skriver indkøbsseddel selv',
  'Lægger medicin i doseringsæske søndag',
  'Åbner e-Boks hver mandag',
  'Ringer selv og bestiller tid',
] as const;

export const FOLLOW_UP_NOTES = {
  continue: [
    'Borgeren er godt på vej; målene fastholdes, og støtten fortsætter.',
    'Delvis målopfyldelse; støtten fortsætter med samme ramme.',
  ],
  end: ['Målene er nået; borgeren klarer selv indkøb og regninger.', 'Borgeren ønsker ikke længere støtte.'],
  end_and_refer: ['Støtten i eget hjem er ikke længere tilstrækkelig; behovet vurderes på ny.'],
} as const;

export const PROVIDER_QUESTIONS: readonly (readonly [string, string])[] = [
  [
    'Må vi bruge en del af timerne på ledsagelse til tandlæge?',
    'Ja, når det understøtter målet om egenomsorg. Notér det i dagbogen.',
  ],
  ['Borgeren ønsker at flytte besøgene til eftermiddagen. Er det i orden?', 'Ja, det er i orden inden for rammen.'],
  ['Vi ser et større behov end bevilget. Kan vi tage en snak?', 'Tak, jeg ringer i morgen og ser på en revisitation.'],
];

/** A provider's question about a new order before it accepts (the order waits for the answer). */
export const ORDER_QUESTIONS: readonly string[] = [
  'Bestillingen nævner ikke, om borgeren skal ledsages til lægebesøg. Skal det indgå i timerne?',
  'Kan støtten starte med to korte besøg om ugen i stedet for ét langt de første fire uger?',
  'Vi har ledig plads fra den 1. i næste måned. Kan opstarten vente til da, eller haster det?',
  'Er der en pårørende, vi må kontakte ved opstarten? Det fremgår ikke af bestillingen.',
];

export const CITIZEN_QUESTIONS: readonly (readonly [string, string])[] = [
  [
    'Hvornår hører jeg noget om min ansøgning?',
    'Vi forventer at træffe afgørelse inden for fristen. Jeg ringer til dig i næste uge.',
  ],
  ['Kan min søster deltage i næste møde?', 'Ja, det er du velkommen til. Husk at give samtykke, så vi må tale med hende.'],
  ['Jeg har fået ny telefon. Kan I ringe på det nye nummer?', 'Tak, vi har noteret det. Du kan også rette det selv på Min side.'],
];

export const COMPLAINT_TEXTS = [
  'Jeg er uenig i afgørelsen. Jeg har brug for mere hjælp, end I har bevilget.',
  'I har ikke taget højde for min lægeerklæring.',
  'Jeg kan ikke klare mig uden støtte, og jeg forstår ikke begrundelsen.',
  'Min mor klager på mine vegne med mit samtykke: støtten er for lidt.',
] as const;

export const RECONSIDERATION_TEXTS = {
  upheld: 'Klagen giver nye oplysninger om støttebehovet. Klageren får medhold, og der træffes ny afgørelse.',
  maintained: 'Klagen giver ingen nye oplysninger. Afgørelsen fastholdes.',
} as const;

export const APPEAL_NOTES = {
  confirmed: 'Ankestyrelsen er enig i kommunens afgørelse.',
  changed: 'Ankestyrelsen har ændret afgørelsen; kommunen bevilger støtten.',
  remitted: 'Ankestyrelsen har hjemvist sagen til fornyet behandling.',
  dismissed: 'Ankestyrelsen har afvist klagen, da den er indgivet for sent.',
} as const;

export const NOTICE_REASONS = [
  'Vi mangler oplysninger fra egen læge, som vi har rykket for.',
  'Udredningen kræver et netværksmøde, som først kan holdes senere.',
  'Vi venter på en udtalelse fra psykiatrien.',
] as const;

export const CLOSE_REASONS = {
  withdrawn: 'Borgeren har trukket henvendelsen tilbage.',
  refusal_stands: 'Afslaget står ved magt; klagefristen er udløbet.',
  appeal_confirmed: 'Afslaget er stadfæstet af Ankestyrelsen.',
} as const;

export const OUTREACH_NOTES = [
  'Afklaringssamtale på Perron 4; borgeren vil gerne have hjælp til økonomien.',
  'Samtale i borgerens hjem; aftalt at se på et råd- og vejledningsforløb.',
  'Opfølgende samtale; borgeren er henvist til udredning.',
] as const;
