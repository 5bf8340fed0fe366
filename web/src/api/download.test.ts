import { describe, expect, it, vi } from 'vitest';
import { attachmentName, fetchFile } from './download';
import { RequestRefused } from './http';

describe('downloads', () => {
  it('takes the file name from Content-Disposition', () => {
    expect(attachmentName('attachment; filename="briefing-daily-2026-11-22-zh.html"', 'x')).toBe('briefing-daily-2026-11-22-zh.html');
    expect(attachmentName('attachment; filename=briefing.xlsx', 'x')).toBe('briefing.xlsx');
    expect(attachmentName("attachment; filename=\"b.pdf\"; filename*=UTF-8''%E6%97%A5%E6%8A%A5.pdf", 'x')).toBe('日报.pdf');
    expect(attachmentName('attachment; filename="../../etc/passwd"', 'x')).toBe('.._.._etc_passwd');
    expect(attachmentName(null, 'fallback.html')).toBe('fallback.html');
    expect(attachmentName('attachment', 'fallback.html')).toBe('fallback.html');
  });

  it('fetches the file with the session cookie and names it', async () => {
    const fetch = vi.fn(
      async () => new Response('PK\u0003\u0004', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="b.xlsx"' } }),
    );
    const file = await fetchFile('/api/v1/reports/briefing?format=xlsx', 'fallback.xlsx', fetch);
    expect(file.filename).toBe('b.xlsx');
    expect(await file.blob.text()).toBe('PK\u0003\u0004');
    expect(fetch).toHaveBeenCalledWith('/api/v1/reports/briefing?format=xlsx', expect.objectContaining({ credentials: 'same-origin' }));
  });

  it('rejects with the server’s refusal (a PDF without chromium)', async () => {
    const fetch = vi.fn(async () => new Response('{"code":"unavailable","message":"no chromium"}', { status: 503 }));
    const failure = await fetchFile('/api/v1/reports/briefing?format=pdf', 'b.pdf', fetch).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RequestRefused);
    expect((failure as RequestRefused).refusal).toMatchObject({ status: 503, code: 'unavailable', message: 'no chromium' });
  });
});
