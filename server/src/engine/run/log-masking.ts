// Secret masking in logs (RunContextLogger.replaceSecret): each secret value found in a message is
// replaced by as many `*`, then the first run of nine asterisks becomes `**masked*`.

export class SecretMasker {
  private readonly secrets = new Set<string>();

  add(value: string): void {
    if (value.length > 0) this.secrets.add(value);
  }

  get size(): number {
    return this.secrets.size;
  }

  mask(message: string): string {
    let data = message;
    for (const secret of this.secrets) {
      if (data.includes(secret)) {
        data = data.split(secret).join('*'.repeat(secret.length));
        data = data.replace(/\*{9}/, '**masked*');
      }
    }
    return data;
  }
}
