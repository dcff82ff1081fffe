import { z } from 'zod';

/** The question's answer, posted from the easy access host's page. */
export const JoinAnswerBody = z.object({ offer: z.string().min(1).max(200), join: z.boolean() }).strict();

export const JoinQuestion = z.object({
  portal: z.object({ name: z.string().meta({ description: 'The company whose portal invited the person' }) }),
  email: z.string().meta({ description: 'The email Google gave, to which the invitation went' }),
});

export const JoinAnswered = z.object({ location: z.string().meta({ description: 'Where the browser goes next: the handoff link, or the portal’s home with `?error=`' }) });
