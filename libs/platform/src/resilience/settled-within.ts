/**
 * Waits for the promise, but no longer than `ms`: shutdown steps must not hang
 * on a dependency that is gone. A rejection counts as settled, not as a failure.
 * @returns false when the time ran out first.
 */
export async function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true, () => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
