// What the seal's calls return (pure: the renderer shows these).

export type VerifyProblemCode =
  | 'not_signed' // no manifest beside the file (nor given)
  | 'manifest_invalid' // not a seal manifest (unreadable, wrong shape, key and fingerprint disagree)
  | 'signature_invalid' // the manifest was edited after signing
  | 'wrong_key' // sealed by a key other than the trusted one
  | 'document_changed' // the file's bytes are not those sealed
  | 'record_changed' // the session's record in this database differs from the sealed one
  | 'session_missing'; // the sealed session is not in this database

export interface VerifyProblem {
  code: VerifyProblemCode;
  message: string;
}

export interface VerifyResult {
  valid: boolean;
  problems: VerifyProblem[];
  filePath: string;
  manifestPath: string;
  /** From the manifest, when one was read. */
  sealed: {
    fingerprint: string;
    signedAt: string;
    session: { id: string; kind: 'ordinary' | 'extraordinary'; number: number };
    minutesVersion: number | null;
    /** A sealed session document other than the minutes (council-document-seal/1): which one. */
    document?: { kind: string; lang: string };
  } | null;
  /** Whether the key was compared with a trusted one (given, or this installation's). */
  keyChecked: boolean;
  /** The trusted key the seal was compared with (null when none was), and whether it is this installation's own. */
  trustedKey: { fingerprint: string; thisInstallation: boolean } | null;
}

/** This installation's seal key, as the UI shows and exports it. */
export interface SealKeyView {
  fingerprint: string;
  publicKeyPem: string;
  /** The file name to save the public key under. */
  fileName: string;
  /** Whether this host can print the minutes to PDF (the desktop app can; the browser host cannot). */
  pdfAvailable: boolean;
}

/** A generated file for the host to save (the same shape as the API's FileToSave). */
export interface SealedFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/** The sealed minutes: the document and, to keep beside it, its manifest (FILE.seal.json). */
export interface SealedMinutes {
  document: SealedFile;
  manifest: SealedFile;
  fingerprint: string;
  signedAt: string;
}
