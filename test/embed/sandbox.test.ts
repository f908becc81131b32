import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { waitFor } from './embed-helpers.js';

type Report = { statuses: string[]; notices?: string[]; failed?: string; errors: string[] };

describe('a survey in a frame sandboxed without allow-same-origin (no IndexedDB, no Web Locks, no BroadcastChannel)', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('says that nothing can be kept on the device, and still delivers the response', async () => {
    await executeServerCommand('embed:received');
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts allow-forms');
    frame.title = 'sandboxed host page';
    frame.width = '800';
    frame.height = '900';
    const report = new Promise<Report>((resolve) =>
      window.addEventListener('message', function heard(event: MessageEvent) {
        if (event.source !== frame.contentWindow) return;
        window.removeEventListener('message', heard);
        resolve(event.data as Report);
      }),
    );
    frame.src = '/embed/sandboxed';
    document.body.append(frame);
    const { statuses, notices, failed, errors } = await report;
    expect(failed, 'the page script got through the survey').to.equal(undefined);
    expect(notices!.join(' ')).to.contain('Przeglądarka nie pozwala');
    expect(statuses.at(-1), JSON.stringify(statuses)).to.equal('Odpowiedzi zostały wysłane.');
    const received = await waitFor(async () => {
      const got = (await executeServerCommand('embed:received')) as { key: string; body: { answers: unknown } }[];
      return got.length ? got : undefined;
    }, 'the response at the collector');
    expect(received.map((r) => r.body.answers)).to.deep.equal([{ overall: 4 }]);
    expect(errors, 'no uncaught errors in the frame').to.deep.equal([]);
  });
});
