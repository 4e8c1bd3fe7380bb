/** The components every lesson and cheat sheet can use without importing them. */
import Comparison from './Comparison.astro';
import ExamTip from './ExamTip.astro';
import Figure from './Figure.astro';
import KeyTerm from './KeyTerm.astro';

export const lessonComponents = { ExamTip, KeyTerm, Figure, Comparison };
