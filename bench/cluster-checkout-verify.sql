-- After a checkout load (bench/run-cluster-checkout.sh): does the store agree with what the shoppers were told?
-- Reads the grain state itself (OrleansShopGrainState, JSON payloads), not the read models, which may lag.
--   { cat orders.txt; echo '\.'; cat products.txt; echo '\.'; } | psql -v stock=1000000 -f cluster-checkout-verify.sql
-- Standard input: "orderKey productKey" per order the load generator saw PAID, a line "\.", then one product key a
-- line (the products the load bought, each created with :stock units), and "\." again. Prints one line of
-- name=count pairs.
\set ON_ERROR_STOP 1

CREATE TEMP TABLE ack (order_key text, product_key text);
\copy ack FROM pstdin WITH (FORMAT text, DELIMITER ' ')
CREATE TEMP TABLE products (product_key text PRIMARY KEY);
\copy products FROM pstdin

-- Enum values as the grains store them (numbers): OrderStage.Open = 4; OrderStatus.PaymentPending = 0, Paid = 1;
-- ReservationStatus.Reserved = 0.
CREATE TEMP TABLE order_lines AS
SELECT g.GrainKey AS order_key,
       (p ->> 'stage')::int AS stage,
       (p ->> 'status')::int AS status,
       p ->> 'number' AS number,
       line ->> 'productId' AS product_key,
       (line ->> 'quantity')::int AS quantity
FROM OrleansShopGrainState g
CROSS JOIN LATERAL (SELECT g.Payload::jsonb AS p) j
CROSS JOIN LATERAL jsonb_array_elements(p -> 'lines') line
WHERE g.GrainType = 'order' AND g.Payload IS NOT NULL;

CREATE TEMP TABLE stock AS
SELECT g.GrainKey AS product_key,
       (p ->> 'onHand')::int AS on_hand,
       (p ->> 'sold')::int AS sold,
       (p ->> 'received')::int AS received,
       (p ->> 'writtenOff')::int AS written_off,
       (SELECT COALESCE(sum((r ->> 'quantity')::int), 0)
        FROM jsonb_each(p -> 'reservations') e(order_key, r)
        WHERE (r ->> 'status')::int = 0) AS reserved
FROM OrleansShopGrainState g
CROSS JOIN LATERAL (SELECT g.Payload::jsonb AS p) j
WHERE g.GrainType = 'productstock' AND g.Payload IS NOT NULL;

CREATE TEMP TABLE line_totals AS
SELECT product_key,
       sum(quantity) FILTER (WHERE stage = 4 AND status = 1) AS paid,
       sum(quantity) FILTER (WHERE stage = 4 AND status = 0) AS pending
FROM order_lines GROUP BY product_key;

\pset tuples_only on
\pset format unaligned
SELECT concat_ws(' ',
  'acknowledged=' || (SELECT count(*) FROM ack),
  -- the same order acknowledged twice would mean two shoppers were told the same order is theirs
  'ack_duplicates=' || (SELECT count(*) - count(DISTINCT order_key) FROM ack),
  -- an acknowledged order that is not stored as paid, for the product the shopper bought: a lost order
  'ack_missing=' || (SELECT count(*) FROM ack a WHERE NOT EXISTS (
      SELECT 1 FROM order_lines l
      WHERE l.order_key = a.order_key AND l.product_key = a.product_key AND l.stage = 4 AND l.status = 1)),
  'order_rows_duplicated=' || (SELECT count(*) FROM (
      SELECT GrainKey FROM OrleansShopGrainState WHERE GrainType = 'order' GROUP BY GrainKey HAVING count(*) > 1) d),
  -- two orders with one number: the order-number grain ran twice at once somewhere
  'duplicate_numbers=' || (SELECT count(*) - count(DISTINCT number) FROM (
      SELECT DISTINCT order_key, number FROM order_lines WHERE stage = 4) n),
  'paid_in_store=' || (SELECT count(DISTINCT order_key) FROM order_lines WHERE stage = 4 AND status = 1),
  'pending_in_store=' || (SELECT count(DISTINCT order_key) FROM order_lines WHERE stage = 4 AND status = 0),
  'products_missing=' || (SELECT count(*) FROM products p WHERE NOT EXISTS (SELECT 1 FROM stock s WHERE s.product_key = p.product_key)),
  -- received - written off = on hand + sold, with nothing received or written off but the initial stock
  'ledger_broken=' || (SELECT count(*) FROM products p JOIN stock s USING (product_key)
      WHERE s.received <> :stock OR s.written_off <> 0 OR s.on_hand + s.sold <> s.received - s.written_off),
  'oversold=' || (SELECT count(*) FROM products p JOIN stock s USING (product_key) WHERE s.on_hand < s.reserved OR s.on_hand < 0),
  -- sold must be exactly the paid orders' quantities, and reserved exactly the placed, unpaid ones'
  'sold_mismatch=' || (SELECT count(*) FROM products p JOIN stock s USING (product_key)
      LEFT JOIN line_totals t USING (product_key) WHERE s.sold <> COALESCE(t.paid, 0)),
  'reserved_mismatch=' || (SELECT count(*) FROM products p JOIN stock s USING (product_key)
      LEFT JOIN line_totals t USING (product_key) WHERE s.reserved <> COALESCE(t.pending, 0)),
  'sold=' || (SELECT COALESCE(sum(s.sold), 0) FROM products p JOIN stock s USING (product_key)),
  'on_hand=' || (SELECT COALESCE(sum(s.on_hand), 0) FROM products p JOIN stock s USING (product_key)));
