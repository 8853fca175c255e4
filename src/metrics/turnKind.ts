/**
 * The bounded `kind` label of a turn, from the activity's type and invoke name. Anything unexpected (a
 * forged type, a new Teams invoke) falls into `other` / `invoke_other` instead of becoming a label value.
 */
import type { TurnKind } from './metrics';

export function turnKind(activity: { type?: unknown; name?: unknown } | null | undefined): TurnKind {
  switch (activity?.type) {
    case 'message':
      return 'message';
    case 'invoke':
      if (activity.name === 'adaptiveCard/action') return 'card_action';
      if (activity.name === 'composeExtension/query') return 'search';
      return 'invoke_other';
    case 'conversationUpdate':
      return 'conversation_update';
    case 'installationUpdate':
      return 'installation_update';
    default:
      return 'other';
  }
}
