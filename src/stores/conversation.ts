/** The playground conversation and its settings, kept in localStorage, versioned and repaired when damaged. */
import { decodeConversation, emptyConversation, encodeConversation } from '../lib/playground/conversation';
import { versionedAtom } from './versioned';
import { plural } from '../lib/plural';

export const CONVERSATION_KEY = 'aif-c01:playground';

export const conversation = versionedAtom({
  key: CONVERSATION_KEY,
  what: 'playground conversation',
  empty: emptyConversation,
  decode: decodeConversation,
  encode: encodeConversation,
  describe: ({ turns }) => `${plural(turns.length, 'prompt')} with their answers`,
});
