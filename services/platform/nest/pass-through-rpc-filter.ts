import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter turns every unknown error into `{status:'error'}` and drops its class.
 * The consumer runner needs the original error (retriable, permanent or a bug) to choose between
 * retry, dead-letter and crash, so this filter passes it through untouched.
 */
@Catch()
export class PassThroughRpcFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
