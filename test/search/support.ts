/** A small Python shop and a TypeScript corner, with a history whose messages say things the code does not. */
import { makeRepo, type TempRepo } from '../support/repo.js';

export const SHOP_FILES: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "shop"\n',
  'README.md': '# Shop\n\nInvoices, carts, payments and more. See src/shop.\n',
  'src/shop/__init__.py': '',
  'src/shop/invoice.py': [
    'from .cart import Cart',
    '',
    '',
    'class InvoiceRenderer:',
    '    """Renders an order as a PDF invoice."""',
    '',
    '    def __init__(self, cart: Cart):',
    '        self.cart = cart',
    '',
    '    def render_pdf(self) -> bytes:',
    '        lines = [f"{item.name}: {item.price}" for item in self.cart.items]',
    '        return "\\n".join(lines).encode()',
    '',
    '    def invoice_number(self) -> str:',
    '        return "INV-0001"',
    '',
  ].join('\n'),
  'src/shop/cart.py': [
    'from dataclasses import dataclass, field',
    '',
    '',
    '@dataclass',
    'class Item:',
    '    name: str',
    '    price: int',
    '',
    '',
    '@dataclass',
    'class Cart:',
    '    items: list[Item] = field(default_factory=list)',
    '',
    '    def add_item(self, item: Item) -> None:',
    '        self.items.append(item)',
    '',
    '    def total(self) -> int:',
    '        return sum(i.price for i in self.items)',
    '',
  ].join('\n'),
  'src/shop/payments.py': [
    'import time',
    '',
    '',
    'def charge_card(token: str, amount: int) -> bool:',
    '    """Charges a card through the gateway."""',
    '    for attempt in range(3):',
    '        if _send(token, amount):',
    '            return True',
    '        time.sleep(attempt)',
    '    return False',
    '',
    '',
    'def _send(token: str, amount: int) -> bool:',
    '    return bool(token) and amount > 0',
    '',
  ].join('\n'),
  'src/shop/utils.py': 'def slugify(text: str) -> str:\n    return text.lower().replace(" ", "-")\n',
  'tests/__init__.py': '',
  'tests/test_invoice.py': [
    'from shop.invoice import InvoiceRenderer',
    'from shop.cart import Cart, Item',
    '',
    '',
    'def test_invoice_pdf_lists_items():',
    '    cart = Cart()',
    '    cart.add_item(Item("pdf book", 3))',
    '    pdf = InvoiceRenderer(cart).render_pdf()',
    '    assert b"pdf book" in pdf',
    '',
  ].join('\n'),
  'tests/test_cart.py': [
    'from shop.cart import Cart, Item',
    '',
    '',
    'def test_total():',
    '    c = Cart()',
    '    c.add_item(Item("a", 2))',
    '    assert c.total() == 2',
    '',
  ].join('\n'),
  'web/src/api/client.ts': [
    "import { formatMoney } from '../util/money.js';",
    '',
    'export class ShopClient {',
    '  constructor(private readonly baseUrl: string) {}',
    '',
    '  async fetchOrder(id: string): Promise<string> {',
    '    const res = await fetch(`${this.baseUrl}/orders/${id}`);',
    '    return formatMoney(Number(await res.text()));',
    '  }',
    '}',
    '',
  ].join('\n'),
  'web/src/util/money.ts':
    'export function formatMoney(cents: number): string {\n  return `$${(cents / 100).toFixed(2)}`;\n}\n',
};

/** The shop, committed, plus history: payments.py changed by commits about Stripe retries. */
export function makeShopRepo(): TempRepo {
  const files = { ...SHOP_FILES };
  const repo = makeRepo(undefined, { files });
  const bump = (path: string, line: string, message: string) => {
    files[path] = `${files[path]}${line}\n`;
    repo.write(path, files[path]);
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', message);
  };
  bump('src/shop/payments.py', '# gateway v2', 'Stripe: retry declined charges with backoff');
  bump('src/shop/payments.py', '# idempotency', 'Stripe webhook: make charge retries idempotent');
  bump('src/shop/utils.py', '# unicode', 'slugs: handle unicode names');
  return repo;
}
