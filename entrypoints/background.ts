import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Wiring only; see issue 2/3 for the messages it will own.
});
