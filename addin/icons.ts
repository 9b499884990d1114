/** The add-in's ribbon and manifest icons: committed files appPackage/addin-icon-<size>.png, in these sizes. */
export const ICON_SIZES = [16, 32, 64, 80] as const;
