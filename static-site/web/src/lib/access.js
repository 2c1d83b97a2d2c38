// The lab's access code (issue 18): when POST /api/sessions answers 401 access_code_required, the page asks for
// the code once, keeps it for this tab only (sessionStorage) and sends it again with every new session.

export const ACCESS_KEY = 'signal-analyzer.access-code';

/**
 * Creates a session: `post(body)` is POST /api/sessions; `ask(message)` asks the person for the code and resolves
 * to it, or to null when they give up. A wrong code asks again, saying so. `storage` is sessionStorage.
 */
export async function createSessionWithCode(post, storage, ask) {
  let code = storage.getItem(ACCESS_KEY);
  let message = 'This lab keeps its analyzer for its own people. Enter the access code the lab gave you.';
  for (;;) {
    try {
      const created = await post(code ? { accessCode: code } : {});
      if (code) storage.setItem(ACCESS_KEY, code);
      return created;
    } catch (e) {
      if (e?.status !== 401 || e.code !== 'access_code_required') throw e;
      if (code) {
        storage.removeItem(ACCESS_KEY);
        message = 'That access code was not accepted. Check it with the lab and enter it again.';
      }
      code = await ask(message);
      if (code === null || code === undefined) {
        const refused = new Error('No access code was given; reload the page to enter it.');
        refused.status = 401;
        refused.code = 'access_code_required';
        throw refused;
      }
      code = code.trim();
    }
  }
}
