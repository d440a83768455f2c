"""The judge portal under /judging/."""

urlpatterns = []
