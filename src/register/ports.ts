import type { DigestSender } from './digest-service';
import type { PollPublisher } from './polls';

/** Where a failure nobody waits for is reported (a card that could not be posted, a digest Teams refused). */
export type ErrorSink = (message: string, error: unknown) => void;

/** What the register needs from outside to reach people: poll cards and digests in Teams, and a place for failures. */
export interface RegisterPorts {
  publisher?: PollPublisher;
  digestSender?: DigestSender;
  onError?: ErrorSink;
}

/**
 * The register's connection to the surfaces that reach people. The composition root creates it and hands it to
 * the register's constructor and to the surfaces; a surface offers its adapters with `provide` (and takes them
 * back with the function it returns, when it closes). The register reads the ports at the moment it needs them,
 * so a server without the bot posts nothing and reports failures to the server's log alone.
 */
export class PortSlots {
  private offered: RegisterPorts = {};

  constructor(private readonly fallbackOnError: ErrorSink = () => undefined) {}

  provide(ports: RegisterPorts): () => void {
    this.offered = { ...this.offered, ...ports };
    return () => {
      for (const key of Object.keys(ports) as Array<keyof RegisterPorts>) if (this.offered[key] === ports[key]) delete this.offered[key];
    };
  }

  get publisher(): PollPublisher | undefined {
    return this.offered.publisher;
  }

  get digestSender(): DigestSender | undefined {
    return this.offered.digestSender;
  }

  readonly onError: ErrorSink = (message, error) => (this.offered.onError ?? this.fallbackOnError)(message, error);
}
