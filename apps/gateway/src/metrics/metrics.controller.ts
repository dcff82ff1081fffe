import { METRICS_CONTENT_TYPE, metricsText } from '@app/common';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', METRICS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Prometheus text: HTTP and NATS requests, sign-in outcomes, connections, process' })
  metrics(): Promise<string> {
    return metricsText();
  }
}
