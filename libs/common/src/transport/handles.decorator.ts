import { applyDecorators } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { ContractPipe } from './contract.pipe';
import { EventContract, RequestContract } from './message-contract';

/** Binds a handler method to a request contract. */
export function Handles(contract: RequestContract): MethodDecorator {
  return applyDecorators(MessagePattern(contract.pattern));
}

/** Binds a handler method to an event contract. */
export function Listens(contract: EventContract): MethodDecorator {
  return applyDecorators(EventPattern(contract.pattern));
}

/** The payload of a request, validated by its contract's schema. */
export function Request(contract: RequestContract): ParameterDecorator {
  return Payload(new ContractPipe(contract.request));
}

/** The payload of an event, validated by its contract's schema. */
export function Event(contract: EventContract): ParameterDecorator {
  return Payload(new ContractPipe(contract.payload));
}
