import { applyDecorators } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ContractPipe } from './contract.pipe';
import { RequestContract } from '@app/contracts';

/** What a handler of `C` may answer: its contract's reply (`void` included), at once or later. */
type Answer<C extends RequestContract> = Exclude<C['reply'], undefined>;
type HandlerOf<C extends RequestContract> = (...args: never[]) => Answer<C> | Promise<Answer<C>>;

/**
 * Binds a handler method to a request contract. The method's return type is
 * checked against the contract's reply: a handler cannot answer what its
 * callers do not expect.
 */
export function Handles<C extends RequestContract>(contract: C) {
  const decorate = applyDecorators(MessagePattern(contract.pattern));
  return <M extends HandlerOf<C>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    decorate(target, key, descriptor);
  };
}

/** The payload of a request, validated by its contract's schema. */
export function Request(contract: RequestContract): ParameterDecorator {
  return Payload(new ContractPipe(contract.request));
}
