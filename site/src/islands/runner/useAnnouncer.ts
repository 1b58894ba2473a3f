import { useCallback, useRef, useState } from 'react';

/**
 * A polite live region's text: `announce` empties it first, so the same sentence said twice is
 * announced twice.
 */
export function useAnnouncer(): [string, (text: string) => void] {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const announce = useCallback((text: string) => {
    clearTimeout(timer.current);
    setMessage('');
    timer.current = setTimeout(() => setMessage(text), 100);
  }, []);
  return [message, announce];
}
