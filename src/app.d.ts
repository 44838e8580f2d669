// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			/** Shown to the user, in Vietnamese. */
			message: string;
			/** The same in English, shown second. */
			messageEn?: string;
			/** The stable code of refused input (see InputError), for tests and support. */
			code?: string;
		}
	}
}

export {};
