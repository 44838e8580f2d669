/**
 * Percentile ranks 0–1 of the values; null (unknown or not applicable) → 0 and left out of the
 * ranking. Ties get their average rank: a value with `below` smaller values and `tied` equal ones
 * (itself included), among m known values, gets (below + (tied − 1)/2) ÷ (m − 1), so a unique
 * maximum gets 1. The smallest value always gets 0, ties or not: the lowest level in the input is
 * the reference, with no relative gap. Otherwise, when many hamlets tie at the bottom (rurality 0 in
 * every urban hamlet), each would get a share of the index for a gap it does not have. A constant
 * component therefore gives 0 everywhere.
 *
 * @param values one value per item; null = unknown or not applicable
 * @returns one rank per value, in input order
 * @example
 * percentileRanks([3, 1, 2, 2, null, 5]); // → [0.75, 0, 0.375, 0.375, 0, 1]
 */
export function percentileRanks(values: (number | null)[]): number[] {
	const ranks = values.map(() => 0);
	const known = values
		.map((value, position) => ({ value, position }))
		.filter((entry): entry is { value: number; position: number } => entry.value !== null)
		.sort((a, b) => a.value - b.value);
	const count = known.length;
	let start = 0;
	while (start < count) {
		let end = start + 1;
		while (end < count && known[end]!.value === known[start]!.value) end++;
		const rank = start === 0 ? 0 : (start + (end - start - 1) / 2) / (count - 1);
		for (let k = start; k < end; k++) ranks[known[k]!.position] = rank;
		start = end;
	}
	return ranks;
}
