// The accounts domain's side of the contract.
import type { AccountsMethods, AccountsStreams } from '../../../src-preload/contract';
import type { AccountsService } from '../../services/accounts/accountsService';
import type { DomainMethodHandlers, DomainStreamHandlers } from '../dispatcher';

export function accountsMethodHandlers(accounts: AccountsService): DomainMethodHandlers<AccountsMethods> {
  return {
    listAccounts: async () => accounts.overview(),
    addAccount: (request) => accounts.add(request),
    revalidateAccount: (key) => accounts.revalidate(key),
    renameAccount: (request) => accounts.rename(request),
    removeAccount: (key) => accounts.remove(key),
    switchContext: ({ context }) => accounts.switchTo(context),
  };
}

export function accountsStreamHandlers(accounts: AccountsService): DomainStreamHandlers<AccountsStreams> {
  return {
    watchAccounts: (_request, emit) => accounts.subscribe((value) => emit({ ok: true, value })),
  };
}
