import { METRICS_CONTENT_TYPE, metricsText } from '@app/platform';
import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MetricsGuard } from './metrics.guard';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  @Get()
  @UseGuards(MetricsGuard)
  @Header('Content-Type', METRICS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Prometheus text: HTTP and NATS requests, sign-in outcomes, connections, process; with Authorization: Bearer <METRICS_TOKEN>' })
  @ApiResponse({ status: 200, description: 'The Prometheus text exposition format (version 0.0.4)', schema: { type: 'string' } })
  @ApiResponse({ status: 401, description: 'unauthenticated: no bearer token, or not METRICS_TOKEN' })
  @ApiResponse({ status: 404, description: 'not_found: METRICS_TOKEN is not set, so metrics are not served' })
  @ApiResponse({ status: 429, description: 'rate_limited, with Retry-After: 10 wrong tokens from this address in 15 minutes; the right one waits too' })
  metrics(): Promise<string> {
    return metricsText();
  }
}
