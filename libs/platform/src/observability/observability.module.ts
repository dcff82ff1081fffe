import { Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { stopMetricsServer } from './metrics-server';
import { stopTracing } from './tracing';

@Injectable()
class TelemetryShutdown implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([stopMetricsServer(), stopTracing()]);
  }
}

/** At shutdown, closes the metrics server and sends the spans still buffered. */
@Module({ providers: [TelemetryShutdown] })
export class ObservabilityModule {}
