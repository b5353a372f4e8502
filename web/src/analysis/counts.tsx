import type { ShownCount } from './analysis-api'

/** A disclosed count as text; a withheld one is said so, never guessed. */
export function formatCount(shown: ShownCount): string {
  if (shown.isSuppressed || shown.persons === null) return 'withheld'

  return shown.persons.toLocaleString()
}

/** The value to plot: a withheld count is a gap. */
export const plotted = (shown: ShownCount): number | null =>
  shown.isSuppressed ? null : shown.persons

/**
 * Says what "withheld" means. A count below the threshold is withheld, and
 * so are a few larger ones, chosen so that a small count cannot be worked
 * out from the totals: a withheld cell is not always a small one.
 */
export function WithheldNote(props: { threshold: number }) {
  return (
    <p class="withheld-note">
      Withheld: fewer than {props.threshold} persons, or hidden so that such a
      count cannot be worked out from the others.
    </p>
  )
}
