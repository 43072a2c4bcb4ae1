export async function compare(_k: unknown): Promise<void> {}
