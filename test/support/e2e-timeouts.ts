// testTimeout is not a per-project option in Jest: the e2e project sets its own here.
// Real processes over real servers: a step may take seconds, starting a stack more.
jest.setTimeout(60_000);
