/** Mistake-review cards, kept in localStorage, versioned and repaired when damaged. */
import { decodeReviewCards, emptyReviewCards, encodeReviewCards } from '../lib/quiz/review-cards';
import { versionedAtom } from './versioned';

export const REVIEW_KEY = 'aif-c01:review-cards';

export const reviewCards = versionedAtom({
  key: REVIEW_KEY,
  what: 'mistake review',
  empty: emptyReviewCards,
  decode: decodeReviewCards,
  encode: encodeReviewCards,
  describe: ({ cards }) => {
    const count = Object.keys(cards).length;
    return `${count} question${count === 1 ? '' : 's'} to review`;
  },
});
