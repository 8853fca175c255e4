/**
 * Expertise is free tagging, but the query parser needs to know which words in "fysio bekkenbodem Oost"
 * are expertise and which are names. This is the built-in vocabulary; the search index adds every tag it
 * has actually seen (SocialMapIndex.expertiseVocabulary), so local tags are recognised too.
 */
import { phraseKey } from './text';

export const EXPERTISE_TERMS: readonly string[] = [
  // body and rehabilitation
  'bekkenbodem', 'incontinentie', 'zwangerschap', 'oedeem', 'lymfoedeem', 'nek', 'rug', 'schouder', 'knie', 'heup',
  'hand', 'enkel', 'hoofdpijn', 'duizeligheid', 'chronische pijn', 'artrose', 'reuma', 'sportblessures', 'valpreventie',
  'motoriek', 'copd', 'astma', 'hartfalen', 'diabetes', 'parkinson', 'ms', 'cva', 'beroerte', 'niet aangeboren hersenletsel',
  'long covid', 'oncologie', 'kanker', 'wondzorg', 'stoma', 'dry needling', 'orthopedie', 'sport', 'geriatrie', 'pijn',
  'geheugen', 'gehoor', 'zuigelingen',
  // speech, diet, daily living
  'afasie', 'slikproblemen', 'stotteren', 'taalontwikkeling', 'ondervoeding', 'overgewicht', 'voedselallergie',
  'nierdieet', 'hulpmiddelen', 'woningaanpassing', 'steunzolen', 'diabetische voet',
  // mental health and social
  'angst', 'depressie', 'burn-out', 'trauma', 'emdr', 'adhd', 'autisme', 'verslaving', 'eetstoornis', 'rouw',
  'slaapproblemen', 'psychose', 'dementie', 'eenzaamheid', 'mantelzorg', 'schulden', 'huiselijk geweld', 'opvoeding',
  'jongeren', 'jeugd', 'kinderen', 'ouderen', 'migranten', 'lhbti', 'palliatief', 'levenseinde', 'wijkgericht werken',
  'psychiatrie', 'alcohol', 'drugs', 'relatie', 'armoede', 'dakloosheid',
  // languages spoken are a frequent "expertise" in Amsterdam
  'engelstalig', 'turkstalig', 'arabisch', 'berbers', 'sranan', 'papiaments',
];

/** The key a tag is indexed and matched under: folded, punctuation as single spaces. */
export function expertiseKey(tag: string): string {
  return phraseKey(tag);
}
