// Types for friction.js (window.friction) and friction.mjs (init).
// Source: js/build.mjs writes dist/friction.d.ts from this file, with the kinds filled in from
// the core's list (sdk/detect/friction_kind.h).

/** Every kind of friction the core detects. */
export type FrictionKind = __FRICTION_KINDS__;

/** Why a friction happened, where the core can tell (today form struggle): sdk/detect/friction_cause.h. */
export type FrictionCause = 'validation_loop' | 're_entry' | 'rejected_submit' | 'abandonment';

/** The detail of a `friction:detected` event and the argument of friction.on('friction') callbacks. */
export interface FrictionDetail {
  kind: FrictionKind;
  /** The page or route template, e.g. "/product/:id": no query, no fragment, no ids. */
  step: string;
  /** The element, described locally; `label` never leaves the browser. */
  target: { role: string; tag: string; label?: string };
  /** 0..1: how strong the evidence is. */
  score: number;
  /** How much the current step hurts now, this friction included: see friction.score(). */
  stepScore: number;
  /** Page-relative time in ms (performance.now() clock). */
  at: number;
  /** Why, only when the core could tell (form struggle); absent otherwise. */
  cause?: FrictionCause;
}

/** What a site says when help is offered (friction.help.register). */
export interface HelpContent {
  title: string;
  text?: string;
  actions?: Array<{ label: string; href: string } | { label: string; onSelect: () => void } | { label: string; person: true }>;
}

/** Where content applies: a step template ('/checkout'), a kind ('rage_click'), a CSS selector, or all three at once. */
export type HelpMatch = string | { step?: string; kind?: FrictionKind; selector?: string };

/** The detail of a `friction:help` event and the argument of friction.on('help') callbacks. */
export interface HelpDetail {
  step: string;
  /** Every kind met on this step visit, the cause included. */
  kinds: FrictionKind[];
  /** The friction that tipped it. */
  cause: FrictionKind;
  /** Its element, described locally. */
  target: { role: string; tag: string; label?: string };
  /** The step's score when the offer was made. */
  score: number;
  /** 'kind': a kind the site answers at its first sign; 'score': the step's score crossed help.threshold. */
  reason: 'kind' | 'score';
  at: number;
  /** The most specific content the site registered for this element, step or kind, or null. */
  content: HelpContent | null;
}

export interface SentSignal {
  kind: FrictionKind; step: string; role: string; target: string;
  count: number; at_s: number; span_ms: number; score: number;
  /** Why, for a form struggle whose cause the core could tell; never what was typed. */
  cause?: FrictionCause;
}

/** A visit tally: a page template and the kinds of friction met there; nothing else. */
export interface SentVisit {
  step: string;
  met: FrictionKind[];
  /** Whether the visitor asked for help during the view: only in exact tallies (signals consent). */
  help?: boolean;
  /** Present on a goal tally: the same view told again because the tab reached this goal. */
  goal?: string;
}

/** The user's choice. 'none' (the default): detect and help locally, send nothing. 'signals': anonymised signals may be sent. */
export type ConsentLevel = 'none' | 'signals';
/** What is in force: a choice, or 'counts' on a `consent: 'notice'` site before the user answers (visit tallies only). */
export type ConsentInForce = ConsentLevel | 'counts';

export interface FrictionOptions {
  site: string;
  collector?: string;
  wasmUrl?: string;
  /** Where friction-codec.wasm is; default next to friction.wasm. Fetched only once something may be sent. */
  codecUrl?: string;
  routes?: string[];
  /** Only the declared routes are sent as steps; any other path is '/other'. For sites whose paths carry names ('/u/jane-doe'). Default false. */
  routesOnly?: boolean;
  hashKey?: string;
  /** Per-site thresholds, e.g. { 'rage_click.min_clicks': 4 }; names and ranges in the README. */
  thresholds?: Record<string, number>;
  /** How often what waits is sent, in ms, while the consent lets something leave (no timer runs otherwise). 1000-600000; default 10000. */
  sendIntervalMs?: number;
  /** The site's privacy policy revision: a new one asks users again. Default '1'. */
  consentRevision?: string;
  /** Consent panel language ('en' or 'fr'); default from <html lang>, then the browser. */
  lang?: string;
  /** 'auto' (default): the panel asks when it should; 'manual': only the Privacy button opens it; 'off': no panel. */
  consentUi?: 'auto' | 'manual' | 'off';
  /**
   * 'opt-in' (default): nothing is sent until the user accepts. 'notice': until the user answers,
   * tallies (page template + kinds of friction met, at most one per template and page load) are
   * sent; a refusal stops them at once.
   */
  consent?: 'opt-in' | 'notice';
  /**
   * Randomized response on the tallies sent before the user answers (notice mode): true/'on'
   * (default, ldpEpsilonPerKind = ln 3) or false/'off'. Tallies sent with 'signals' consent are exact.
   */
  ldp?: boolean | 'on' | 'off';
  /** Epsilon of each kind's yes/no answer, from 0.1 to 5; turns ldp on. */
  ldpEpsilonPerKind?: number | string;
  /** Epsilon of a tally's whole set of answers (the kinds' sum), spread evenly over the kinds. */
  ldpEpsilonPerTally?: number | string;
  /** Kinds offered help at their first sign (default 'rage_click,dead_click,error_click,form_struggle'); '' for none. */
  helpKinds?: string | FrictionKind[];
  /** 'auto' (default): the SDK's help widget shows offers; 'off': render help yourself from on('help'). */
  helpUi?: 'auto' | 'off';
  /** Where "talk to a person" posts; default: the collector's /v1/handoff. */
  handoffUrl?: string;
  /** The site's goal as a route template, e.g. '/order/:id/thanks': entering it reaches the goal. */
  goal?: string;
  /** The goal's name on what is sent (default 'goal'): 1-32 of a-z, 0-9, '_' or '-'. */
  goalName?: string;
}

/** A hand-off to a person: the reference the visitor gives the agent, and whether their journey summary went with it. */
export interface Handoff {
  reference: string;
  shared: boolean;
}

export interface FrictionApi {
  (command: 'on' | 'off', topic: 'friction', callback: (detail: FrictionDetail) => void): void;
  (command: 'consent', level: ConsentLevel): void;
  (command: 'flush' | 'help-dismiss'): void;
  (command: 'help-register', match: HelpMatch, content: HelpContent): void;
  (command: 'goal', name?: string): void;
  /** Returns a function that removes the callback. */
  on(topic: 'friction', callback: (detail: FrictionDetail) => void): () => void;
  /** Called after every consent change, from the panel or from consent.set. */
  on(topic: 'consent', callback: (change: { level: ConsentInForce }) => void): () => void;
  /** An offer of help: decided in the browser, whatever the consent. */
  on(topic: 'help', callback: (detail: HelpDetail) => void): () => void;
  /** A visitor reached for a person: open your chat or contact form with the reference. */
  on(topic: 'handoff', callback: (handoff: Handoff) => void): () => void;
  off(topic: 'friction', callback: (detail: FrictionDetail) => void): void;
  consent: {
    /** Returns false (and logs why) for an unknown level. 'none' withdraws and wipes what the SDK stored. */
    set(level: ConsentLevel): boolean;
    get(): ConsentInForce;
    /** True on a first visit, after a new policy revision, or six months after a refusal; false under GPC. */
    shouldAsk(): boolean;
    /** The stored receipt of the user's choice, or null. */
    receipt(): { id: string; revision: string; level: ConsentLevel; at: number; lang: string; gpc: boolean } | null;
    /** The noise on tallies sent before an answer, or null when ldp is off. truthPercent: how often an answer is true. */
    noise(): { epsilonPerKind: number; epsilonPerTally: number; truthPercent: number } | null;
  };
  /** Every batch actually sent (newest last), for the user to read. */
  ledger(): Array<{ at: number; bytes: number; signals: SentSignal[]; visits: SentVisit[]; epsilon: number; json: string }>;
  /** How much the current step hurts now: a decaying weighted sum of its frictions (0 when calm). */
  score(): number;
  help: {
    /** The visitor closed an offer: no new one on this step for a while (help.quiet_after_dismiss_ms). */
    dismiss(): void;
    /** Content for offers on a step, kind or element (a selector beats a step beats a kind); returns an unregister function, or null if unusable. */
    register(match: HelpMatch, content: HelpContent): (() => void) | null;
    /** The visitor asked for a person; share: they agreed to send their journey summary with this one request. Null if the collector could not be reached. */
    handoff(share: boolean): Promise<Handoff | null>;
  };
  /** Ends open episodes and sends what the visitor agreed to send, now. */
  flush(): void;
  /** The site's goal was reached (default name 'goal'): the counts of this tab's earlier page views go again, marked as followed by it. False (and a console message) for a bad name or when the SDK is off. */
  goal(name?: string): boolean;
  /** Resolves to true once the core runs, false if the SDK is off (no WebAssembly, CSP, bad settings). */
  ready: Promise<boolean>;
  version: string;
}

export function init(options: FrictionOptions): Promise<FrictionApi>;
export const VERSION: string;

declare global {
  interface Window {
    friction: FrictionApi;
  }
  interface WindowEventMap {
    'friction:detected': CustomEvent<FrictionDetail>;
    'friction:help': CustomEvent<HelpDetail>;
  }
}
