/**
 * Tests that drive the app talk only to nock: no real network, and no interceptor left over from one
 * test answers a call in the next. Call once at the top of a test file.
 */
import nock from "nock";
import { afterEach, beforeEach } from "vitest";

export function isolateNetwork(): void {
  beforeEach(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
}
