// Go's strconv/atoi.go NumError, shared by the parsers (atoi.ts, atof.ts).
import { BaseError } from '../../errors.ts';
import { quote } from './quote.ts';

/** Go's `ErrSyntax` and `ErrRange` texts. */
export type NumErrorReason = 'invalid syntax' | 'value out of range';
export type NumErrorCode = 'NUM_SYNTAX' | 'NUM_RANGE';

/** A string Go's strconv rejects: `*strconv.NumError`, whose text is `strconv.<Func>: parsing "<num>": <reason>`. */
export class NumError extends BaseError<NumErrorCode> {
  /** Go's `Func`: the function that failed, e.g. `ParseFloat`. */
  readonly func: string;
  /** Go's `Num`: the input. */
  readonly input: string;
  readonly reason: NumErrorReason;

  constructor(func: string, input: string, reason: NumErrorReason) {
    super(reason === 'invalid syntax' ? 'NUM_SYNTAX' : 'NUM_RANGE', `strconv.${func}: parsing ${quote(input)}: ${reason}`);
    this.name = 'NumError';
    this.func = func;
    this.input = input;
    this.reason = reason;
  }
}
