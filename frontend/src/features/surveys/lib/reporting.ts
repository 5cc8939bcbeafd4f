/**
 * What the surveys reuse of the reporting feature (published cells, the map, downloads, the
 * indicator catalogue and the map's names), in one place: the only file of this feature allowed to
 * import another feature (eslint.config.js, the "feature bridge" policy).
 */
export { CellValue } from "@/features/reporting/components/CellValue";
export { DownloadButtons } from "@/features/reporting/components/DownloadButtons";
export { PolandMap, type MapCell } from "@/features/reporting/components/PolandMap";
export { cellState, numeric } from "@/features/reporting/lib/cells";
export { usePowiatNames } from "@/features/reporting/lib/usePowiatNames";
export { useGeography } from "@/features/reporting/api/reporting";
export { VOIVODESHIPS } from "@/features/reporting/map/geography";
