import { HAMLET_KINDS } from '../../domain';
import type { HamletProfile } from './hamlet-profiles';
import type { Random } from './random';
import type { DemoCommune, DemoTeam } from './types';

/** The teams and which team works where. */
export interface TeamPlan {
	teams: DemoTeam[];
	/** communeCode → ids of its teams. */
	teamIdsByCommune: Map<string, number[]>;
	/** hamletId → the team that usually works there. */
	homeTeamIdByHamlet: Map<number, number>;
}

/** Team counts per commune. */
const TEAM_LIMITS = {
	minimumPerCommune: 3, // the plan wants a team in every khu phố and thôn; three is the floor for tiny inputs
	maximumPerCommune: 40 // "a few dozen per commune"; beyond that one team covers several hamlets
} as const;

function teamName(hamlet: HamletProfile): string {
	const lowerName = hamlet.name.charAt(0).toLowerCase() + hamlet.name.slice(1);
	const startsWithKind = [...HAMLET_KINDS, 'làng'].some((kind) =>
		lowerName.normalize('NFC').startsWith(`${kind} `)
	);
	return `Tổ CĐS ${startsWithKind ? lowerName : `${hamlet.kind} ${hamlet.name}`}`;
}

/**
 * About one team per hamlet, at least 3 and at most 40 per commune. A team named after its hamlet
 * when the two correspond one to one ("Tổ CĐS thôn Đồng Ké"), numbered otherwise ("Tổ CĐS số 3").
 * Training lags in rural and minority communes, as the plan's emphasis on them suggests.
 */
export function buildTeams(
	communes: readonly DemoCommune[],
	hamlets: readonly HamletProfile[],
	random: Random,
	minorityCommuneCodes: ReadonlySet<string>
): TeamPlan {
	const hamletsByCommune = new Map<string, HamletProfile[]>();
	for (const hamlet of hamlets) {
		const list = hamletsByCommune.get(hamlet.communeCode) ?? [];
		list.push(hamlet);
		hamletsByCommune.set(hamlet.communeCode, list);
	}

	const teams: DemoTeam[] = [];
	const teamIdsByCommune = new Map<string, number[]>();
	const homeTeamIdByHamlet = new Map<number, number>();
	// Plain code-point order: ids must not depend on the machine's locale.
	const sortedCommunes = [...communes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

	for (const commune of sortedCommunes) {
		const communeHamlets = hamletsByCommune.get(commune.code) ?? [];
		const teamCount = Math.min(
			TEAM_LIMITS.maximumPerCommune,
			Math.max(TEAM_LIMITS.minimumPerCommune, communeHamlets.length)
		);
		const oneTeamPerHamlet = communeHamlets.length <= TEAM_LIMITS.maximumPerCommune;
		const [trainedLow, trainedHigh] = minorityCommuneCodes.has(commune.code)
			? [0.35, 0.75]
			: commune.unitType === 'phường'
				? [0.75, 1]
				: [0.55, 0.9];

		const ids: number[] = [];
		for (let index = 0; index < teamCount; index++) {
			const id = teams.length + 1;
			const hamlet = oneTeamPerHamlet ? communeHamlets[index] : undefined;
			const members = random.integer(5, 15);
			// Rounding up from the top of the range lets some teams reach the plan's 100%.
			const membersTrained = Math.min(
				members,
				Math.round(members * random.between(trainedLow, trainedHigh + 0.05))
			);
			teams.push({
				id,
				communeCode: commune.code,
				name: hamlet ? teamName(hamlet) : `Tổ CĐS số ${index + 1}`,
				members,
				membersTrained
			});
			ids.push(id);
		}
		teamIdsByCommune.set(commune.code, ids);

		// Contiguous blocks when teams are fewer than hamlets: neighbouring ids are usually neighbours on the map.
		communeHamlets.forEach((hamlet, index) => {
			const teamIndex = Math.floor((index * teamCount) / Math.max(communeHamlets.length, teamCount));
			homeTeamIdByHamlet.set(hamlet.id, ids[teamIndex] as number);
		});
	}

	return { teams, teamIdsByCommune, homeTeamIdByHamlet };
}
