import { defineBackground } from 'wxt/utils/define-background';

/**
 * The background service worker (an event page on Firefox MV2): wiring only, no DOM.
 *
 * Installing Jobnote opens no tab and asks for nothing; the popup is the way in. Clipping and its messages
 * come with a later issue.
 */
export default defineBackground(() => {});
