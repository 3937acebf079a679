/** The webmail content script's adapters: only these go into its bundle. */
import { adaptersOf } from './site';
import { gmail } from './gmail/site';
import { outlook } from './outlook/site';

export const MAIL_ADAPTERS = adaptersOf('mail', { gmail, outlook });
