// A team's roster as the commune manages it: a member's fields, their bounds and messages in Vietnamese and
// English. Client-safe, so the roster page and the data layer read the same rules.
import * as z from 'zod';
import { hanoiToday } from './activity-input';
import { TEAM_MEMBER_ROLES, type Label, type TeamMemberRole } from './domain';
import { inputIssue, type InputIssue } from './input-error';
import { hasControlCharacters } from './text';

/** A member of a team as the roster shows it. */
export interface TeamMember {
	id: number;
	teamId: number;
	name: string;
	role: TeamMemberRole;
	trained: boolean;
	/** YYYY-MM-DD, when trained. */
	trainedOn: string | null;
	course: string;
	digitalAmbassador: boolean;
	/** The linked account's id and username, if any. */
	userId: string | null;
	username: string | null;
}

/** A team with its roster. */
export interface RosterTeam {
	id: number;
	name: string;
	/** The counts the planner reads; a roster sets them on every change. */
	members: number;
	membersTrained: number;
	roster: TeamMember[];
}

const ROSTER_LIMITS = { nameLength: 100, courseLength: 200, firstTrainingDay: '2020-01-01' } as const;

const MESSAGES = {
	'name-required': { vi: 'Cần nhập tên hoặc chữ viết tắt', en: 'A name or initials are required' },
	'name-too-long': { vi: 'Tên dài quá 100 ký tự', en: 'The name is longer than 100 characters' },
	'name-control-characters': {
		vi: 'Tên có ký tự điều khiển không được phép',
		en: 'The name contains control characters'
	},
	'role-invalid': { vi: 'Cần chọn vai trò trong tổ', en: 'Pick the role in the team' },
	'trained-on-required': {
		vi: 'Cần ngày tập huấn (từ 01/01/2020 đến hôm nay)',
		en: 'The training date is required (from 1 Jan 2020 to today)'
	},
	'course-required': { vi: 'Cần tên khóa tập huấn', en: 'The training course is required' },
	'course-too-long': {
		vi: 'Tên khóa tập huấn dài quá 200 ký tự',
		en: 'The course is longer than 200 characters'
	}
} satisfies Record<string, Label>;

type MessageKey = keyof typeof MESSAGES;

const name = z
	.string({ error: 'name-required' })
	.trim()
	.min(1, { error: 'name-required' })
	.max(ROSTER_LIMITS.nameLength, { error: 'name-too-long' })
	.refine((text) => !hasControlCharacters(text), { error: 'name-control-characters' });

function memberSchema(today: string) {
	return z
		.object({
			name,
			role: z.enum(TEAM_MEMBER_ROLES, { error: 'role-invalid' }),
			trained: z.boolean(),
			trainedOn: z.string().nullable(),
			course: z
				.string()
				.trim()
				.max(ROSTER_LIMITS.courseLength, { error: 'course-too-long' })
				.refine((text) => !hasControlCharacters(text), { error: 'course-too-long' }),
			digitalAmbassador: z.boolean(),
			userId: z.string().min(1).nullable()
		})
		.superRefine((member, context) => {
			if (!member.trained) return;
			const day = member.trainedOn ?? '';
			if (!z.iso.date().safeParse(day).success || day < ROSTER_LIMITS.firstTrainingDay || day > today) {
				context.addIssue({ code: 'custom', message: 'trained-on-required', path: ['trainedOn'] });
			}
			if (member.course === '')
				context.addIssue({ code: 'custom', message: 'course-required', path: ['course'] });
		})
		.transform((member) => ({
			...member,
			// Untrained: no date or course is kept, so the record never says both.
			trainedOn: member.trained ? member.trainedOn : null,
			course: member.trained ? member.course : ''
		}));
}

export type TeamMemberInput = z.output<ReturnType<typeof memberSchema>>;

function issuesOf(error: z.ZodError): InputIssue[] {
	return error.issues.map((issue) => {
		const known = MESSAGES[issue.message as MessageKey];
		return inputIssue(
			issue.path.map(String).join('.'),
			known ? issue.message : 'invalid-value',
			known ?? { vi: `Giá trị không hợp lệ: ${issue.message}`, en: `Invalid value: ${issue.message}` }
		);
	});
}

// Building the schema costs more than using it: a dataset's roster of 50,000 members checks against one.
let schemaOfDay: { today: string; schema: ReturnType<typeof memberSchema> } | undefined;

/** Every problem of a member's fields, or the member as stored. */
export function validateTeamMember(
	input: unknown,
	today: string = hanoiToday()
): { ok: true; value: TeamMemberInput } | { ok: false; issues: InputIssue[] } {
	if (schemaOfDay?.today !== today) schemaOfDay = { today, schema: memberSchema(today) };
	const result = schemaOfDay.schema.safeParse(input);
	return result.success ? { ok: true, value: result.data } : { ok: false, issues: issuesOf(result.error) };
}

/** A team's name: 1–100 characters, no control characters. */
export function validateTeamName(
	input: unknown
): { ok: true; value: string } | { ok: false; issues: InputIssue[] } {
	const result = name.safeParse(input);
	return result.success ? { ok: true, value: result.data } : { ok: false, issues: issuesOf(result.error) };
}
