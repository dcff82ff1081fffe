import { applyDecorators } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ContractPipe } from './contract.pipe';
import { RequestContract } from './message-contract';

/** Binds a handler method to a request contract. */
export function Handles(contract: RequestContract): MethodDecorator {
  return applyDecorators(MessagePattern(contract.pattern));
}

/** The payload of a request, validated by its contract's schema. */
export function Request(contract: RequestContract): ParameterDecorator {
  return Payload(new ContractPipe(contract.request));
}
