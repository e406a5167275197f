/** confirm-contact.html: the button POSTs the token of an action's or co-signer's mail link. */
import { announce, callApi } from './ui';
import { partText } from './part';

const t = partText();
const params = new URLSearchParams(location.search);
const token = params.get('token');
const kind = params.get('kind') === 'cosigner' ? 'cosigners' : 'actions';
const button = document.getElementById('act') as HTMLButtonElement;
const result = document.getElementById('result')!;

if (!token) {
  button.disabled = true;
  announce(result, t.noToken, 'error');
}

button.addEventListener('click', async () => {
  if (!token || button.disabled) return;
  button.disabled = true;
  const res = await callApi(`/api/${kind}/confirm`, { token });
  if (res.status === 200) {
    button.hidden = true;
    announce(result, t.confirmed, 'ok');
    return;
  }
  const code = res.body.error?.code;
  button.disabled = !(res.status === 0 || res.status === 429 || res.status >= 500);
  announce(result, res.status === 0 ? t.network : code === 'token_expired' ? t.expiredLink : res.status === 429 ? t.rateLimited : res.status >= 500 ? t.serverUnavailable : t.invalidLink, 'error');
});
