/**
 * Focus mode for the mock exam: the course header and menu hide while an exam runs, as in the real exam. The
 * learner's choice, remembered in this browser ("yes" or nothing; anything else reads as off).
 */
import { persistentBoolean } from '@nanostores/persistent';
import './storage';

export const EXAM_FOCUS_KEY = 'aif-c01:exam-focus';

export const examFocus = persistentBoolean(EXAM_FOCUS_KEY);
