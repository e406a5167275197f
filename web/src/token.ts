/** confirm.html and remove.html: the button POSTs the token from the mail link (a GET never acts). */
import { announce, callApi, uiText } from './ui';

const t = uiText();
const main = document.querySelector<HTMLElement>('[data-action]')!;
const action = main.dataset.action === 'remove' ? 'remove' : 'confirm';
const button = document.getElementById('act') as HTMLButtonElement;
const result = document.getElementById('result')!;
const token = new URLSearchParams(location.search).get('token');

if (!token) {
  button.disabled = true;
  announce(result, t.noToken, 'error');
}

button.addEventListener('click', async () => {
  if (!token || button.disabled) return;
  button.disabled = true;
  const label = button.textContent;
  button.textContent = t.working;
  const res = await callApi(`/api/signatures/${action}`, { token });
  button.textContent = label;
  if (res.status === 200) {
    announce(result, action === 'confirm' ? t.confirmed : t.removed, 'ok');
    button.hidden = true;
    return;
  }
  const code = res.body.error?.code;
  const message =
    res.status === 0 ? t.network
    : code === 'token_expired' ? t.expiredLink
    : code === 'already_dispatched' ? t.alreadySent
    : code === 'campaign_closed' ? t.closed
    : res.status === 429 ? t.rateLimited
    : res.status >= 500 ? t.unavailable
    : t.invalidLink;
  // A passing failure may be retried; a bad link may not.
  button.disabled = !(res.status === 0 || res.status === 429 || res.status >= 500);
  announce(result, message, 'error');
});
