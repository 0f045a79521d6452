import { defineBackground } from 'wxt/utils/define-background';

// Wiring only: each concern lives in src/background/ and registers its own listeners.
export default defineBackground(() => {
});
