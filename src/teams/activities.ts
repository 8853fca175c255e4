import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { tagsAsText } from '../cards/render';
import type { Reply } from './featureModule';

export function activityFor(reply: Reply): Partial<Activity> {
  if ('text' in reply) return MessageFactory.text(tagsAsText(reply.text));
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
  // the summary is what notifications and the chat list show for a card
  if (reply.summary) activity.summary = reply.summary;
  return activity;
}
