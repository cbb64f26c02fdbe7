// @fix autofix
// A long-lived blocker tracks a session per page in a field declared WeakMap but created as a Map:
// pages that are closed without being disabled stay reachable from the blocker.
interface Page {
  readonly url: string;
  readonly body: Uint8Array;
}

class Session {
  constructor(readonly page: Page) {}
}

class Blocker {
  private readonly sessions: WeakMap<Page, Session> = new Map();

  enable(page: Page): Session {
    let session = this.sessions.get(page);
    if (!session) {
      session = new Session(page);
      this.sessions.set(page, session);
    }
    return session;
  }

  disable(page: Page): void {
    this.sessions.delete(page);
  }

  isEnabled(page: Page): boolean {
    return this.sessions.has(page);
  }
}

const blocker = new Blocker();

export function run(track: (instance: object) => void): boolean[] {
  const results: boolean[] = [];
  for (let i = 0; i < 150; i += 1) {
    const page: Page = { url: `https://example.test/${i}`, body: new Uint8Array(32 * 1024) };
    track(page);
    results.push(blocker.enable(page) === blocker.enable(page), blocker.isEnabled(page));
    if (i % 50 === 0) {
      blocker.disable(page);
      results.push(blocker.isEnabled(page));
    }
  }
  return results;
}
