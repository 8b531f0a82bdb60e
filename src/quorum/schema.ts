import { z } from 'zod';
import { instantSchema } from '../sittings/schema';

export const quorumAtSchema = z.object({ sittingId: z.string().min(1), at: instantSchema }).strict();
