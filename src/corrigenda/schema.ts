// Inputs for corrigenda (pure).
import { z } from 'zod';

const text = z.string().trim().min(1, 'required').max(20_000);

export const addCorrigendumSchema = z.object({
  sessionId: z.string().uuid(),
  textAr: text,
  textEn: text,
  textFr: text,
  reason: z.string().trim().min(1, 'required').max(2000),
  /** The decision it corrects, when it corrects one. */
  decisionId: z.string().uuid().nullable().default(null),
}).strict();

export const listCorrigendaSchema = z.object({ sessionId: z.string().uuid() }).strict();
