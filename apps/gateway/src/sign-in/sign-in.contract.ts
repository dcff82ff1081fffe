import { Email, Id, Password } from '@app/contracts';
import { z } from 'zod';
import { Me } from '../member-view/me';
import { Portal } from '../portal/host-portal';
import { SecondStepMethod } from './second-step-methods';

export const LoginBody = z.object({ email: Email, password: Password });
export const PortalChoiceBody = z.object({ portalId: Id });

const SelectPortal = z.object({ next: z.literal('select_portal'), portals: z.array(Portal).meta({ description: 'The portals to offer' }) });

const CodeStep = z.object({
  next: z.literal('totp'),
  methods: z.array(SecondStepMethod).meta({
    description:
      'What answers it: `totp`, a code or a recovery code; `passkey`, one made for this host. On a company\'s host, a user with the code on ' +
      'is offered `passkey` whether she made one there or not (whether she did would tell a firm holding her password that she is that firm\'s client)',
  }),
  trustBrowserDays: z.number().int().meta({
    description:
      'What "don\'t ask again on this browser" offers; 0: the company of this host turned it off. On the easy access host, 30 whatever the ' +
      'user\'s companies, also for a client of one firm alone (their days, or her firm\'s, would tell one firm whether she has another); ' +
      'the trust then lasts as long as the strictest of them allows, and is not made where one turned the option off',
  }),
}).meta({
  description:
    'The code. On the easy access host, a user with the code on gives it before their portals are listed (the password alone names no firm): ' +
    'the step then answers `select_portal`',
});

const Enrolment = z.object({ next: z.literal('totp_enroll').meta({ description: 'The portal requires 2FA: set it up (POST /api/me/totp/setup, then /confirm)' }) });

/** Every sign-in call answers the step the sign-in waits for next. */
export const SignInStep = z.discriminatedUnion('next', [SelectPortal, CodeStep, Enrolment, z.object({ next: z.literal('done'), me: Me })]);
export type SignInStep = z.output<typeof SignInStep>;

/** The step a sign-in in progress waits for, as a reloaded page asks for it (`done` once signed in). */
export const SignInState = z.discriminatedUnion('next', [SelectPortal, CodeStep, Enrolment, z.object({ next: z.literal('done') })]);
export type SignInState = z.output<typeof SignInState>;

/**
 * "No access to the app", asked: nothing more is said. Whether a link was
 * mailed (not when her request was confirmed already) would tell a firm
 * holding her password, on another firm's host, that she is its client.
 */
export const HelpAsked = z.object({}).meta({ description: 'Empty: whether a link was mailed is not said' });
export type HelpAsked = z.output<typeof HelpAsked>;
