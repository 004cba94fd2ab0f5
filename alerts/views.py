"""Sign-up (double opt-in), confirmation, managing and unsubscribing.

Every page here is private (``never_cache``): links carry secrets, and forms a CSRF token. The
sign-up answers the same whether the address is known or not; a bad or expired link gets a clear
page with status 400, never a 500.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, TemplateView, View

from osce_cms.breadcrumbs import trail

from . import ratelimit, registry, subscriptions, tokens
from .forms import SignupForm
from .models import Subscriber, Subscription


def invalid_link(request, error):
    return render(
        request,
        "alerts/link_invalid.html",
        {"expired": error.expired, "breadcrumbs": trail()},
        status=400,
    )


@method_decorator(never_cache, name="dispatch")
class SignupView(FormView):
    """``/alerts/new/?<a listing's filter parameters>`` (``kind=`` for another listing)."""

    template_name = "alerts/new.html"
    form_class = SignupForm

    def dispatch(self, request, *args, **kwargs):
        kind_key = request.GET.get("kind")
        self.kind = registry.get(kind_key) if kind_key else registry.default()
        if self.kind is None:
            raise Http404
        self.parsed = self.kind.parse(request.GET)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"language": translation.get_language()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.parsed.query
        if self.kind is not registry.default():
            query = f"kind={self.kind.key}&{query}" if query else f"kind={self.kind.key}"
        listing = reverse(self.kind.listing_url_name)
        context.update(
            description=self.kind.describe(self.parsed.labels),
            notices=self.parsed.notices,
            query=query,
            listing_url=f"{listing}?{self.parsed.query}" if self.parsed.query else listing,
            breadcrumbs=trail(),
        )
        return context

    def form_valid(self, form):
        client = self.request.META.get("REMOTE_ADDR", "")
        if not ratelimit.allow("client", client, settings.ALERTS_SIGNUPS_PER_CLIENT):
            return render(
                self.request, "alerts/too_many.html", {"breadcrumbs": trail()}, status=429
            )
        email = form.cleaned_data["email"].strip().lower()
        # Past the address's limit the answer is the same, but no more e-mail goes to it.
        if ratelimit.allow("address", email, settings.ALERTS_SIGNUPS_PER_ADDRESS):
            subscriptions.request(
                self.kind,
                self.parsed,
                email,
                form.cleaned_data["frequency"],
                form.cleaned_data["language"],
            )
        return redirect("alerts:requested")


@method_decorator(never_cache, name="dispatch")
class RequestedView(TemplateView):
    template_name = "alerts/requested.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "breadcrumbs": trail()}


@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    """GET shows a button (mail scanners follow links); POST confirms."""

    def get(self, request, token):
        try:
            tokens.read_confirm_token(token)
        except tokens.InvalidLink as error:
            return invalid_link(request, error)
        return render(request, "alerts/confirm.html", {"breadcrumbs": trail()})

    def post(self, request, token):
        try:
            subscription = subscriptions.confirm(token)
        except tokens.InvalidLink as error:
            return invalid_link(request, error)
        manage_url = reverse("alerts:manage", args=[tokens.manage_token(subscription.subscriber)])
        return render(
            request,
            "alerts/confirmed.html",
            {
                "description": subscription.filter.description(),
                "frequency": subscription.get_frequency_display(),
                "manage_url": manage_url,
                "breadcrumbs": trail(),
            },
        )


@method_decorator(never_cache, name="dispatch")
class ManageView(View):
    """Every subscription of one address, each with its own unsubscribe button."""

    def get(self, request, token):
        try:
            key = tokens.read_manage_token(token)
        except tokens.InvalidLink as error:
            return invalid_link(request, error)
        subscriber = Subscriber.objects.filter(key=key).first()
        rows = []
        if subscriber is not None:
            for subscription in subscriber.subscriptions.select_related("filter").order_by(
                "created_at", "id"
            ):
                rows.append(
                    {
                        "description": subscription.filter.description(),
                        "frequency": subscription.get_frequency_display(),
                        "language": subscription.get_language_display(),
                        "confirmed": subscription.confirmed_at is not None,
                        "unsubscribe_url": reverse(
                            "alerts:unsubscribe", args=[tokens.unsubscribe_token(subscription)]
                        ),
                    }
                )
        return render(
            request,
            "alerts/manage.html",
            {"subscriber": subscriber, "rows": rows, "breadcrumbs": trail()},
        )

    def post(self, request, token):
        try:
            key = tokens.read_manage_token(token)
        except tokens.InvalidLink as error:
            return invalid_link(request, error)
        subscriber = Subscriber.objects.filter(key=key).first()
        if subscriber is not None:
            subscriptions.unsubscribe_all(subscriber)
        return render(
            request, "alerts/unsubscribed.html", {"everything": True, "breadcrumbs": trail()}
        )


@method_decorator([never_cache, csrf_exempt], name="dispatch")
class UnsubscribeView(View):
    """GET asks; POST unsubscribes. POST is also RFC 8058's one-click unsubscribe, sent by mail
    clients without a CSRF token (``List-Unsubscribe=One-Click``): the signed link is the proof.
    """

    def _subscription(self, token):
        return (
            Subscription.objects.select_related("filter")
            .filter(key=tokens.read_unsubscribe_token(token))
            .first()
        )

    def get(self, request, token):
        try:
            subscription = self._subscription(token)
        except tokens.InvalidLink as error:
            return invalid_link(request, error)
        return render(
            request,
            "alerts/unsubscribe.html",
            {
                "description": subscription.filter.description() if subscription else None,
                "breadcrumbs": trail(),
            },
        )

    def post(self, request, token):
        try:
            subscription = self._subscription(token)
        except tokens.InvalidLink as error:
            return invalid_link(request, error)
        if subscription is not None:
            subscriptions.unsubscribe(subscription)
        return render(request, "alerts/unsubscribed.html", {"breadcrumbs": trail()})
