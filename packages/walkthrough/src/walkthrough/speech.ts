/**
 * "Écouter cette étape": the browser's own French voice (speechSynthesis), nothing sent anywhere. The button is
 * offered only when a French voice exists; voices may arrive after the page loads (voiceschanged).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class SpeechController implements ReactiveController {
  /** A French voice is available. */
  canSpeak = false;
  speaking = false;
  private readonly onVoicesChanged = () => {
    this.canSpeak = this.frenchVoice() !== null;
    this.host.requestUpdate();
  };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!('speechSynthesis' in window)) return;
    this.canSpeak = this.frenchVoice() !== null;
    window.speechSynthesis.addEventListener?.('voiceschanged', this.onVoicesChanged);
  }

  hostDisconnected(): void {
    if (!('speechSynthesis' in window)) return;
    window.speechSynthesis.removeEventListener?.('voiceschanged', this.onVoicesChanged);
    if (this.speaking) window.speechSynthesis.cancel();
  }

  /** Reads `text` aloud, a little slower than usual. */
  speak(text: string): void {
    const voice = this.frenchVoice();
    if (!voice) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    utterance.onend = utterance.onerror = () => {
      this.speaking = false;
      this.host.requestUpdate();
    };
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
    this.speaking = true;
    this.host.requestUpdate();
  }

  stop(): void {
    if (this.speaking && 'speechSynthesis' in window) window.speechSynthesis.cancel();
    if (this.speaking) this.host.requestUpdate();
    this.speaking = false;
  }

  private frenchVoice(): SpeechSynthesisVoice | null {
    try {
      return window.speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('fr')) ?? null;
    } catch {
      return null;
    }
  }
}
